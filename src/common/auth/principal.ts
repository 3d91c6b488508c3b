/** Who is calling: resolved by the auth guard, passed to services for checks and audit. */
export interface Principal {
  userId: number;
  username: string;
  /** The user's admin flag, or membership of an admin role (directly or by inheritance). */
  isAdmin: boolean;
  /** The user's roles and all their ancestors. */
  roleIds: number[];
  /** Id of the JWT that authenticated the request, when one did. */
  tokenId?: string;
  /** When that JWT expires. */
  tokenExpiresAt?: Date;
}
