/**
 * Where an attachment's `file-url` may send n8n when it names a host other than the Coupa
 * instance. The request carries no token, but it is made from n8n's own network position, so an
 * address inside that network (a cloud metadata service, an admin page on loopback) would answer
 * and its bytes would come back into the workflow.
 *
 * What can be checked without resolving names (node code can't import `dns`): the URL's scheme,
 * IP literals in every spelling the URL parser accepts (it turns `2130706433`, `0x7f.1` and
 * `127.1` into `127.0.0.1`), and names that are local by definition (`localhost`, `*.localhost`,
 * `*.internal`, `*.local`, single labels). A public name whose DNS answer is a private address is
 * not caught here; docs/security.md says so.
 */

/** Whether an IPv4 address (four numbers) is loopback, private, link-local or otherwise not public. */
function ipv4Local([a, b]: number[]): boolean {
	return (
		a === 0 || // "this network"
		a === 10 ||
		a === 127 ||
		(a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
		(a === 169 && b === 254) || // link-local, cloud metadata services
		(a === 172 && b >= 16 && b <= 31) ||
		(a === 192 && b === 168) ||
		(a === 192 && b === 0) || // IETF protocol assignments
		(a === 198 && (b === 18 || b === 19)) || // benchmarking
		a >= 224 // multicast and reserved
	);
}

function ipv4Parts(hostname: string): number[] | undefined {
	const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(hostname);
	if (!match) return undefined;
	const parts = match.slice(1).map(Number);
	return parts.every((part) => part <= 255) ? parts : undefined;
}

/** The eight 16-bit groups of an IPv6 literal as the URL parser writes it (`[::ffff:7f00:1]`). */
function ipv6Groups(hostname: string): number[] | undefined {
	const match = /^\[([0-9a-f:.]+)\]$/i.exec(hostname);
	if (!match) return undefined;
	const [head, tail = ''] = match[1].split('::');
	const parse = (text: string) => (text === '' ? [] : text.split(':').map((g) => parseInt(g, 16)));
	const front = parse(head);
	const back = match[1].includes('::') ? parse(tail) : [];
	const groups = [...front, ...new Array(8 - front.length - back.length).fill(0), ...back];
	return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff)
		? groups
		: undefined;
}

function ipv6Local(groups: number[]): boolean {
	const [first] = groups;
	const zeroPrefix = groups.slice(0, 5).every((g) => g === 0);
	// An IPv4 address inside: mapped (::ffff:a.b.c.d), compatible (::a.b.c.d) or NAT64 (64:ff9b::/96).
	const embedsIpv4 =
		(zeroPrefix && (groups[5] === 0xffff || groups[5] === 0)) ||
		(first === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0));
	if (embedsIpv4) {
		const v4 = [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff];
		if (ipv4Local(v4)) return true;
	}
	return (
		groups.every((g) => g === 0) || // ::
		(groups.slice(0, 7).every((g) => g === 0) && groups[7] === 1) || // ::1
		(first & 0xfe00) === 0xfc00 || // unique local
		(first & 0xffc0) === 0xfe80 || // link-local
		(first & 0xffc0) === 0xfec0 || // site-local (deprecated)
		(first & 0xff00) === 0xff00 // multicast
	);
}

/**
 * Whether a URL's hostname (as `new URL(...).hostname` gives it) is an address inside n8n's own
 * network, or a name that means one.
 */
export function isLocalHost(hostname: string): boolean {
	const host = hostname.toLowerCase().replace(/\.+$/, '');
	const v4 = ipv4Parts(host);
	if (v4) return ipv4Local(v4);
	const v6 = host.startsWith('[') ? ipv6Groups(host) : undefined;
	if (host.startsWith('[')) return v6 === undefined || ipv6Local(v6);
	return (
		host === '' ||
		!host.includes('.') || // a single label resolves in the local search domain
		host === 'localhost' ||
		/\.(localhost|internal|local|home\.arpa)$/.test(host)
	);
}

/**
 * Why n8n must not fetch an attachment file from `fileUrl` (a host other than Coupa's), or
 * undefined when it may. Only https, and no address inside n8n's network, unless the Coupa
 * instance itself is at such an address (a test sandbox on loopback or in a private network).
 */
export function fileUrlProblem(fileUrl: URL, coupaBaseUrl: string): string | undefined {
	const coupa = new URL(coupaBaseUrl);
	const sandbox = isLocalHost(coupa.hostname);
	if (fileUrl.protocol !== 'https:' && fileUrl.protocol !== 'http:') {
		return `it uses the scheme "${fileUrl.protocol.replace(/:$/, '').slice(0, 20)}"; only https is fetched`;
	}
	if (fileUrl.username !== '' || fileUrl.password !== '') return 'it holds a user name or password';
	if (fileUrl.protocol === 'http:' && !(sandbox && coupa.protocol === 'http:')) {
		return 'it uses plain http; files on other hosts are only fetched over https';
	}
	if (!sandbox && isLocalHost(fileUrl.hostname)) {
		return `its host ${fileUrl.hostname.slice(0, 100)} is an address inside n8n's own network (loopback, private or link-local), not a public file store`;
	}
	return undefined;
}
