import { describeAccessibilityWalk } from './accessibility-walk.ts';

// One part of the accessibility walk (see e2e/accessibility-walk.ts for the parts and the checks).
describeAccessibilityWalk('coordinator');
