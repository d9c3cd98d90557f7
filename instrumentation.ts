// Runs once when a server process starts. While the database has no user, print a one-time setup
// token for the first-start page (/setup).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  try {
    const { issueSetupTokenIfNoUsers } = await import("./lib/db/setup-token");
    const token = await issueSetupTokenIfNoUsers();
    if (token) {
      console.log(`\n[rackmap] No users yet. Open /setup and enter this one-time setup token:\n[rackmap]   ${token}\n`);
    }
  } catch (error) {
    console.error(`[rackmap] could not check for a first start: ${(error as Error).message}`);
  }
}
