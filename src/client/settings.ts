/**
 * What the site tells the client, printed by includes/Assets/ClientSettings.php
 * as the script module's JSON data: the same for every visitor, so full-page
 * caches stay safe, and small whatever the size of the catalogue.
 */

/** What happens to events without the visitor's consent (one name, PHP to TS). */
export type WithoutConsent = 'anonymous' | 'none';

export interface ClientSettings {
	/** Collector URL (footprints/v1/collect or a remote backend's). */
	collect: string;
	/** Sent with each event when the backend is a remote one. */
	app_id?: string;
	/**
	 * The enabled event codes this page may send: those its triggers use,
	 * `page_viewed` when enabled, and any that code asked for. No schemas:
	 * the collector types and checks attributes, and answers per event.
	 */
	events: string[];
	/** Honour the browser's Do Not Track signal as "no consent". */
	dnt?: boolean;
	/** Without consent: send events without a device id, or none at all. */
	without_consent?: WithoutConsent;
	/**
	 * Present when the site tracks forms (includes/Forms/ClientForms.php):
	 * every form's successful submit is a form_submission.
	 */
	forms?: FormSettings;
}

export interface FormSettings {
	/** Forms a form plugin's server hook records: the client leaves them. */
	skip?: string;
	/** Input names by trait (company, phone, job_title): the only values sent besides the email. */
	fields?: Record< string, string[] >;
}
