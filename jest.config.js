const { getJestProjectsAsync } = require('@nx/jest');

// One Jest run over every project: a single worker pool shares the infrastructure set-up.
module.exports = async () => ({
  projects: await getJestProjectsAsync(),
});
