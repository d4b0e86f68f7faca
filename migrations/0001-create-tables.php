<?php
/**
 * Definitions and events tables of the embedded backend.
 *
 * Frozen: later schema changes are new migrations, never edits here.
 *
 * @package Footprints
 */

return array(
	'CREATE TABLE IF NOT EXISTS {prefix}footprints_definitions (
		code varchar(64) NOT NULL,
		name varchar(191) NOT NULL,
		color char(7) NOT NULL DEFAULT \'#3858e9\',
		description text NOT NULL,
		enabled tinyint(1) NOT NULL DEFAULT 1,
		attributes longtext NOT NULL,
		trigger_count bigint(20) unsigned NOT NULL DEFAULT 0,
		first_triggered_at datetime NULL DEFAULT NULL,
		created_at datetime NOT NULL,
		updated_at datetime NOT NULL,
		PRIMARY KEY  (code)
	) {charset_collate}',
	'CREATE TABLE IF NOT EXISTS {prefix}footprints_events (
		id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
		event_id varchar(64) NOT NULL,
		code varchar(64) NOT NULL,
		device_id varchar(64) NULL DEFAULT NULL,
		attributes longtext NOT NULL,
		page_url varchar(2048) NOT NULL DEFAULT \'\',
		referrer varchar(2048) NOT NULL DEFAULT \'\',
		occurred_at datetime(3) NOT NULL,
		received_at datetime(3) NOT NULL,
		PRIMARY KEY  (id),
		UNIQUE KEY event_id (event_id),
		KEY code_occurred (code,occurred_at),
		KEY device_occurred (device_id,occurred_at)
	) {charset_collate}',
);
