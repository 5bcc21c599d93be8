export { worksOnCooperation } from './access';
