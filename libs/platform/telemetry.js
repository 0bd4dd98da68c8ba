// Entry for services' first import: starts tracing before kafkajs, mongodb and http are loaded.
module.exports = require('./dist/telemetry/telemetry');
