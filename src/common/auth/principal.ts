/** Who is calling: resolved by the auth guard, passed to services for checks and audit. */
export interface Principal {
  userId: number;
  username: string;
  isAdmin: boolean;
  /** Id of the JWT that authenticated the request, when one did. */
  tokenId?: string;
}
