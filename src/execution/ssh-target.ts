/**
 * Where and as whom to open an SSH session. Credentials arrive decrypted from the caller (the
 * inventory keeps them encrypted at rest); they are never logged nor put in an error message.
 */
export interface SshTarget {
  host: string;
  port: number;
  username: string;
  /** OpenSSH or PEM private key, unencrypted. Tried before `password` when both are set. */
  privateKey?: string;
  password?: string;
}
