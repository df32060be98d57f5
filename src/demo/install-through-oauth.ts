/**
 * Installs the app as an admin's browser would: the app's install link redirects to HubSpot's (here the sandbox's)
 * authorize page, which approves and redirects to the app's callback with a code, which the app exchanges for
 * tokens. Each hop is followed by hand (redirect: 'manual') so a wrong turn names the hop that took it.
 */
export async function installThroughOAuth(appUrl: string): Promise<{ hops: string[] }> {
  const hops: string[] = [];
  let url = `${appUrl}/oauth/hubspot/install`;
  for (let hop = 0; hop < 5; hop++) {
    const response = await fetch(url, { redirect: 'manual' });
    hops.push(`${response.status} ${new URL(url).pathname}`);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      url = new URL(location, url).toString();
      continue;
    }
    const page = await response.text();
    if (response.status !== 200 || !new URL(url).pathname.endsWith('/oauth/hubspot/callback')) {
      throw new Error(`the install stopped at ${url} with ${response.status}: ${textOf(page)}`);
    }
    return { hops };
  }
  throw new Error(`the install redirected more than 5 times: ${hops.join(' → ')}`);
}

function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
}
