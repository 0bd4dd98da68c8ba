// The worker factory, for the worker process and for tests that run a worker in-process.
module.exports = require('./dist/worker/create-worker');
