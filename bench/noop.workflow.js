// The smallest workflow there is: one task, no activity. Its throughput is the Temporal server's ceiling here.
exports.noopWorkflow = async function noopWorkflow() {
  return 'done';
};
