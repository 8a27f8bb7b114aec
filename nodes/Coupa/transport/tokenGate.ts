import type { IAdditionalCredentialOptions } from 'n8n-workflow';

/**
 * One token request per expiry, however many requests are in flight.
 *
 * n8n gets a client-credentials token on first use and a new one whenever an answer is 401, then
 * sends the request once more. With many requests in flight every 401 would mint a token of its
 * own (n8n 2.x coordinates only some of them; 1.x none), and a request whose second try meets a
 * token that has expired again fails. So requests go out with n8n's renewal off. A request that
 * Coupa refuses with 401 (or the first one, while no token is stored) is sent again as THE
 * renewal, with n8n's renewal on: n8n re-signs it with the stored token, and mints a new one if
 * Coupa refuses that too. Requests that come meanwhile wait for it, then go out with the token it
 * stored. A token that expires again later in the run is renewed again the same way.
 */

/** n8n's OAuth2 options that turn its renewal-on-401 off (2.x reads the first, 1.x the second). */
export const WITHOUT_RENEWAL: IAdditionalCredentialOptions = {
	oauth2: { skipTokenRefresh: true, tokenExpiredStatusCode: -1 } as NonNullable<
		IAdditionalCredentialOptions['oauth2']
	>,
};

/** How many 401s one request may meet (each followed by a renewal) before the last is final. */
export const MAX_REFUSALS = 4;

/** What one request knows about the token it was signed with. */
export interface TokenUse {
	/** The gate's generation when the request read the credential. */
	readAt: number;
	/** Whether the credential held an access token then. */
	hadToken: boolean;
	/** The generation of the token Coupa refused for this request, if it did. */
	refusedAt?: number;
	/** The generation this request's last attempt was signed in. */
	sentAt?: number;
	/** Whether the last attempt was sent as the renewal. */
	renewed?: boolean;
	refusals: number;
}

export class TokenGate {
	/** Bumped when a renewal ends: a token stored before is no longer the newest. */
	generation = 0;
	/** The generation whose renewal Coupa refused too: its token is refused for real. */
	refusedGeneration = -1;
	/** Token requests this gate let n8n make (renewals sent). */
	renewalsSent = 0;
	private renewal?: Promise<void>;

	/** Starts a request's use of the token; call before reading the credential. */
	begin(): TokenUse {
		return { readAt: this.generation, hadToken: true, refusals: 0 };
	}

	/**
	 * Sends one attempt: after any renewal under way, either as the renewal (`send(true)`) or
	 * with n8n's renewal off (`send(false)`).
	 */
	async send<T>(use: TokenUse, send: (renew: boolean) => Promise<T>): Promise<T> {
		while (this.renewal) await this.renewal;
		// Decided with no await between the check and the call, so one request renews at a time.
		const renew =
			(!use.hadToken && use.readAt === this.generation) ||
			(use.refusedAt !== undefined && use.refusedAt === this.generation);
		use.sentAt = this.generation;
		use.renewed = renew;
		if (!renew) return await send(false);
		this.renewalsSent++;
		const run = send(true);
		const renewal = run.then(
			() => undefined,
			() => undefined,
		);
		this.renewal = renewal;
		try {
			return await run;
		} finally {
			this.generation++;
			if (this.renewal === renewal) this.renewal = undefined;
		}
	}

	/**
	 * Coupa answered 401 to `use`'s last attempt. Returns whether to send it again. Not when the
	 * attempt was the renewal (n8n signed it with the stored token, minted a new one when that was
	 * refused, and sent it again: Coupa refuses the credential), nor when it was signed with the
	 * token such a renewal left, nor after MAX_REFUSALS.
	 */
	refused(use: TokenUse): boolean {
		use.refusals++;
		const sentAt = use.sentAt ?? this.generation;
		if (use.renewed) {
			this.refusedGeneration = Math.max(this.refusedGeneration, sentAt + 1);
			return false;
		}
		if (sentAt === this.refusedGeneration || use.refusals > MAX_REFUSALS) return false;
		use.refusedAt = sentAt;
		return true;
	}
}

const gates = new Map<string, TokenGate>();

/** The gate of one credential (by its id), shared by every execution this n8n runs. */
export function tokenGateFor(key: string): TokenGate {
	let gate = gates.get(key);
	if (!gate) {
		gate = new TokenGate();
		gates.set(key, gate);
	}
	return gate;
}
