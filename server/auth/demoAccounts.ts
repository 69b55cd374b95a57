/** Demo sign-ins (one per role): `<role>@demo.gatehouse.dev` / `gatehouse-demo`; refused in production. */
export const DEMO_DOMAIN = 'demo.gatehouse.dev';
export const DEMO_PASSWORD = 'gatehouse-demo';
export const demoEmail = (role: string) => `${role.toLowerCase()}@${DEMO_DOMAIN}`;
