/** Who is looking: the signed-in reader, or null. Every authorization rule takes one of these. */
export interface Viewer {
  id: string;
  name: string;
  email: string;
  /** The session the request was made with (for ending the others); absent where no request is involved. */
  sessionId?: string;
}
