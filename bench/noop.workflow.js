// The smallest workflows there are. Their throughput is the Temporal server's ceiling here: no-op (one workflow
// task) and one activity (what any real workflow adds at least: a task to schedule it, the activity, a task to finish).
const { proxyActivities } = require('@temporalio/workflow');

const { touch } = proxyActivities({ startToCloseTimeout: '30 seconds' });

exports.noopWorkflow = async function noopWorkflow() {
  return 'done';
};

exports.oneActivityWorkflow = async function oneActivityWorkflow() {
  return touch();
};
