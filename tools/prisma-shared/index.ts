export {
  findSharedModelDrift,
  syncSharedPrismaModels,
  type SharedModelsChange,
} from './shared-models';
