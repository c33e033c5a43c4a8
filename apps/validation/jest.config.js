// Integration tests start real service processes; one test file at a time keeps the 2-core machine responsive.
module.exports = { ...require('../../jest.preset.js'), maxWorkers: 1 };
