<?php
/**
 * PauseNotice.
 *
 * @package Footprints
 */

namespace Footprints\Automations;

use Footprints\Capabilities;
use Footprints\Hookable;

/**
 * Tells admins, on every admin screen, which automation rules were paused
 * after failing, with a link to the Automations tab where they resume
 * them. Reads RuleStore's autoloaded index: no query.
 */
final class PauseNotice implements Hookable {

	public const TAB_URL = 'admin.php?page=footprints&tab=automations';

	/**
	 * Constructor.
	 *
	 * @param RuleStore          $rules    The paused rules.
	 * @param AutomationSettings $settings The pause setting.
	 */
	public function __construct( private RuleStore $rules, private AutomationSettings $settings ) {}

	/**
	 * Hooks the notice.
	 */
	public function hook(): void {
		add_action( 'admin_notices', array( $this, 'render' ) );
	}

	/**
	 * Prints the notice to those who manage Footprints, when a rule is paused.
	 */
	public function render(): void {
		$paused = $this->rules->paused();
		if ( ! $paused || ! Capabilities::current_user_manages() || self::on_the_tab() ) {
			return;
		}
		$names = implode( ', ', array_map( static fn( string $name ) => '“' . $name . '”', $paused ) );
		printf(
			'<div class="notice notice-error footprints-automations-paused"><p>%s <a href="%s">%s</a></p></div>',
			esc_html(
				sprintf(
					/* translators: 1: rule names, 2: number of failed attempts. */
					_n( 'Footprints paused the automation %1$s after %2$d failed delivery attempts in a row; its deliveries wait in the queue.', 'Footprints paused the automations %1$s after %2$d failed delivery attempts in a row; their deliveries wait in the queue.', count( $paused ), 'footprints' ),
					$names,
					$this->settings->pause_after()
				)
			),
			esc_url( admin_url( self::TAB_URL ) ),
			esc_html__( 'Check the receiver, then resume it under Automations.', 'footprints' )
		);
	}

	/**
	 * Whether this is the Automations tab itself, which shows paused rules
	 * with their Resume button (a notice linking to it would repeat it).
	 */
	private static function on_the_tab(): bool {
		// phpcs:disable WordPress.Security.NonceVerification.Recommended -- which screen this is; nothing is changed.
		$page = isset( $_GET['page'] ) ? sanitize_key( wp_unslash( $_GET['page'] ) ) : '';
		$tab  = isset( $_GET['tab'] ) ? sanitize_key( wp_unslash( $_GET['tab'] ) ) : '';
		// phpcs:enable
		return 'footprints' === $page && 'automations' === $tab;
	}
}
