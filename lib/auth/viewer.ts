/** Who is looking: the signed-in reader, or null. Every authorization rule takes one of these. */
export interface Viewer {
  id: string;
  name: string;
  email: string;
}
