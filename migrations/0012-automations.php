<?php
/**
 * Automations: rules ("when event X happens [and conditions], then call
 * this webhook / Slack / CRM"), the queue of their deliveries, and a log
 * row per delivery attempt.
 *
 * - footprints_automation_rules: the action is JSON with its write-only
 *   values (signing secret, Slack URL, CRM auth value), which no list
 *   answer carries.
 * - footprints_automation_deliveries: one row per rule and event (the
 *   unique key: a retried write queues nothing twice), claimed by one
 *   worker at a time with a lease (claim_token, claimed_until) so a killed
 *   worker's rows come back. Rows are deleted once delivered or failed for
 *   good: the log keeps the story, and the queue stays small.
 * - footprints_automation_log: one row per attempt, purged after the
 *   log retention setting; rule_name is copied so a deleted rule's log
 *   still reads.
 *
 * Frozen: only $wpdb, never the plugin's classes.
 *
 * @package Footprints
 */

return static function ( \wpdb $wpdb ): void {
	$charset = $wpdb->get_charset_collate();
	$ascii   = 'CHARACTER SET ascii COLLATE ascii_bin';
	// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.SchemaChange -- fixed table names.
	$wpdb->query(
		"CREATE TABLE IF NOT EXISTS {$wpdb->prefix}footprints_automation_rules (
			id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
			name varchar(191) NOT NULL,
			event varchar(64) $ascii NOT NULL,
			conditions longtext NOT NULL,
			action longtext NOT NULL,
			enabled tinyint(1) NOT NULL DEFAULT 1,
			paused_at datetime NULL DEFAULT NULL,
			consecutive_failures int(10) unsigned NOT NULL DEFAULT 0,
			created_at datetime NOT NULL,
			updated_at datetime NOT NULL,
			PRIMARY KEY (id),
			KEY event (event)
		) $charset"
	);
	$wpdb->query(
		"CREATE TABLE IF NOT EXISTS {$wpdb->prefix}footprints_automation_deliveries (
			id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
			rule_id bigint(20) unsigned NOT NULL,
			event_id varchar(64) $ascii NOT NULL,
			attempts smallint(5) unsigned NOT NULL DEFAULT 0,
			next_attempt_at datetime(3) NOT NULL,
			claim_token char(32) $ascii NULL DEFAULT NULL,
			claimed_until datetime(3) NULL DEFAULT NULL,
			created_at datetime(3) NOT NULL,
			PRIMARY KEY (id),
			UNIQUE KEY rule_event (rule_id, event_id),
			KEY due (next_attempt_at),
			KEY claim (claim_token)
		) $charset"
	);
	$wpdb->query(
		"CREATE TABLE IF NOT EXISTS {$wpdb->prefix}footprints_automation_log (
			id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
			rule_id bigint(20) unsigned NOT NULL,
			rule_name varchar(191) NOT NULL,
			event_id varchar(64) $ascii NOT NULL,
			code varchar(64) $ascii NOT NULL,
			attempt smallint(5) unsigned NOT NULL,
			status varchar(10) $ascii NOT NULL,
			response_code smallint(5) unsigned NULL DEFAULT NULL,
			duration_ms int(10) unsigned NOT NULL DEFAULT 0,
			error varchar(500) NULL DEFAULT NULL,
			at datetime(3) NOT NULL,
			next_attempt_at datetime(3) NULL DEFAULT NULL,
			test tinyint(1) NOT NULL DEFAULT 0,
			request_body mediumtext NULL,
			response_body mediumtext NULL,
			PRIMARY KEY (id),
			KEY rule (rule_id, id),
			KEY status (status, id),
			KEY at (at)
		) $charset"
	);
	// phpcs:enable
};
