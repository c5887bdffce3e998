import { describeLeaveOneSetOut } from './agreement';

// Half of the leave-one-set-out folds; agreement.ts says why they are split.
describeLeaveOneSetOut(1, 2);
