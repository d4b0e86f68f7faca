<?php
/**
 * The loopback receiver of bin/bench-automations (run with `php -S`):
 * answers every POST 200 and appends one line per request (its path and
 * body size) to FOOTPRINTS_BENCH_RECEIVER_LOG, so the benchmark counts
 * what arrived. Deliberately minimal: the benchmark times the sender.
 *
 * @package Footprints
 */

// phpcs:disable WordPress.WP.AlternativeFunctions, WordPress.Security.EscapeOutput -- a bare PHP server without WordPress.
$footprints_body = (string) file_get_contents( 'php://input' );
file_put_contents( (string) getenv( 'FOOTPRINTS_BENCH_RECEIVER_LOG' ), $_SERVER['REQUEST_URI'] . ' ' . strlen( $footprints_body ) . "\n", FILE_APPEND | LOCK_EX );
http_response_code( 200 );
header( 'Content-Type: application/json' );
echo '{"ok":true}';
return true;
