import { describeLeaveOneSetOut } from './agreement';

// Half of the leave-one-set-out folds (agreement.ts has the other half's reason for living apart).
describeLeaveOneSetOut(0, 2);
