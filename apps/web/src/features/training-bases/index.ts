export { worksOnBases, worksOnGroups } from './access';
