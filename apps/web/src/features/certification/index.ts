export { worksOnCertification } from './access';
