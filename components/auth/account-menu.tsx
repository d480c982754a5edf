// Placeholder: the header's account control ("Sign in" / name + "Sign out").
export function AccountMenu() {
  return null;
}
