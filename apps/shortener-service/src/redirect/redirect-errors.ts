import { GoneError, UnauthorizedError } from '@capstone/platform/http';

/** A link that existed and no longer leads anywhere: expired, or out of visits. */
export class LinkGone extends GoneError {
  constructor(code: 'link_expired' | 'link_exhausted') {
    super(
      code === 'link_expired' ? 'This link has expired' : 'This link has reached its visit limit',
      { code },
    );
  }
}

export class WrongLinkPassword extends UnauthorizedError {
  constructor() {
    super('The password is not right', { code: 'link_password_wrong' });
  }
}
