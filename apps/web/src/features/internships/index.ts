export { worksOnInternships } from './access';
