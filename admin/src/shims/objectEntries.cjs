/* global module */
// What the `object.entries` polyfill gives where the browser already has it: every browser the SPA
// supports does, and the polyfill's own dependencies weigh several kB in the first load.
module.exports = Object.entries;
