<?php
/**
 * Each form plugin's success hook, fired by its real name with the
 * argument shapes the real plugin passes (Contact Form 7 through the
 * stand-in classes of tests/fixtures/form-plugins.php: the plugin is not
 * installable here), records form_submission as `<plugin>:<id>` with the
 * email, the mapped fields only, the device of the handoff cookie and the
 * referer as the page; the server then derives the rest.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Forms\FormPlugins;
use Footprints\Forms\FormSettings;

// phpcs:disable WordPress.NamingConventions.PrefixAllGlobals, WordPress.NamingConventions.ValidHookName -- the form plugins' own hook names and constant, fired as the plugins fire them.

require_once dirname( __DIR__ ) . '/fixtures/form-plugins.php';

final class FormPluginHooksTest extends TestCase {

	use FormEvents;

	/**
	 * The page the form was on: this site's, its query left out.
	 */
	private static function page(): string {
		return home_url( '/contact/' );
	}

	protected function setUp(): void {
		parent::setUp();
		$this->track_forms(
			array(
				'company'   => array( 'your-company', 'Company', 'company' ),
				'job_title' => array( 'Job title' ),
			),
			array( 'cf7:12' )
		);
		$_COOKIE['footprints_device'] = 'dev_plugin01';
		$_SERVER['HTTP_REFERER']      = self::page() . '?email=ann%40example.com';
	}

	protected function tearDown(): void {
		unset( $_COOKIE['footprints_device'], $_SERVER['HTTP_REFERER'] );
		\WPCF7_Submission::$current = null;
		parent::tearDown();
	}

	public function test_contact_form_7_mail_sent(): void {
		\WPCF7_Submission::$current = new \WPCF7_Submission(
			array(
				'your-name'    => 'Ann',
				'your-email'   => 'ann@example.com',
				'your-company' => 'Acme',
				'your-message' => 'Call me',
			)
		);
		do_action( 'wpcf7_mail_sent', new \WPCF7_ContactForm( 12, array( new \WPCF7_FormTag( 'text', 'your-name' ), new \WPCF7_FormTag( 'email', 'your-email' ) ) ) );

		$this->assertSame(
			array(
				array(
					'form_submission',
					array(
						'form'   => 'cf7:12',
						'email'  => 'ann@example.com',
						'fields' => array( 'company' => 'Acme' ),
					),
				),
				array( 'identity_conversion', array( 'email' => 'ann@example.com' ) ),
				array( 'custom_data_updated', array( 'traits' => array( 'company' => 'Acme' ) ) ),
				array( 'contact_us', array( 'form' => 'cf7:12' ) ),
			),
			$this->stored( 'dev_plugin01' )
		);
		global $wpdb;
		$this->assertSame( array( self::page() ), array_unique( $wpdb->get_col( $wpdb->prepare( "SELECT page_url FROM {$wpdb->prefix}footprints_events WHERE device_id = %s", 'dev_plugin01' ) ) ) );
	}

	public function test_gravity_forms_after_submission_skips_spam(): void {
		$form  = array(
			'id'     => 3,
			'fields' => array(
				(object) array(
					'id'    => 1,
					'type'  => 'email',
					'label' => 'Your email',
				),
				(object) array(
					'id'         => 2,
					'type'       => 'text',
					'label'      => 'Job title',
					'adminLabel' => '',
				),
				(object) array(
					'id'    => 3,
					'type'  => 'textarea',
					'label' => 'Message',
				),
			),
		);
		$entry = array(
			'id'     => '7',
			'status' => 'active',
			'1'      => 'bo@example.com',
			'2'      => 'CTO',
			'3'      => 'Hello',
		);
		do_action( 'gform_after_submission', $entry, $form );
		do_action( 'gform_after_submission', array( 'status' => 'spam' ) + $entry, $form );

		$this->assertSame(
			array(
				'form'   => 'gravityforms:3',
				'email'  => 'bo@example.com',
				'fields' => array( 'job_title' => 'CTO' ),
			),
			$this->stored( 'dev_plugin01' )[0][1]
		);
		$this->assertCount( 1, array_keys( array_column( $this->stored( 'dev_plugin01' ), 0 ), 'form_submission', true ), 'spam is not a submission' );
	}

	public function test_wpforms_process_complete(): void {
		$fields = array(
			1 => array(
				'id'    => 1,
				'name'  => 'Email',
				'type'  => 'email',
				'value' => 'cy@example.com',
			),
			2 => array(
				'id'    => 2,
				'name'  => 'Company',
				'type'  => 'text',
				'value' => 'Initech',
			),
			3 => array(
				'id'    => 3,
				'name'  => 'Comment',
				'type'  => 'textarea',
				'value' => 'Hi',
			),
		);
		do_action( 'wpforms_process_complete', $fields, array(), array( 'id' => 55 ), 9 );
		$this->assertSame(
			array(
				'form'   => 'wpforms:55',
				'email'  => 'cy@example.com',
				'fields' => array( 'company' => 'Initech' ),
			),
			$this->stored( 'dev_plugin01' )[0][1]
		);
	}

	public function test_fluent_forms_submission_inserted_by_either_name(): void {
		$form = (object) array(
			'id'          => 4,
			'form_fields' => wp_json_encode(
				array(
					'fields' => array(
						array(
							'element'    => 'input_email',
							'attributes' => array( 'name' => 'contact_mail' ),
						),
					),
				)
			),
		);
		$data = array(
			'_fluentform_4_fluentformnonce' => 'x',
			'contact_mail'                  => 'dee@example.com',
			'company'                       => 'Globex',
			'notes'                         => 'n',
		);
		// Fluent Forms 5 fires the old name beside the new one: one submission, one event.
		do_action( 'fluentform_submission_inserted', 31, $data, $form );
		do_action( 'fluentform/submission_inserted', 31, $data, $form );
		$this->assertSame( array( 'form_submission' ), array_values( array_intersect( array_column( $this->stored( 'dev_plugin01' ), 0 ), array( 'form_submission' ) ) ) );
		$_COOKIE['footprints_device'] = 'dev_plugin02';
		do_action( 'fluentform_submission_inserted', 32, array( 'email' => 'bad@' ), (object) array( 'id' => 4 ) );

		$this->assertSame(
			array(
				'form'   => 'fluentforms:4',
				'email'  => 'dee@example.com',
				'fields' => array( 'company' => 'Globex' ),
			),
			$this->stored( 'dev_plugin01' )[0][1]
		);
		$this->assertSame(
			array(
				array(
					'form_submission',
					array(
						'form'  => 'fluentforms:4',
						'email' => 'bad@',
					),
				),
				array( 'invalid_email', array( 'form' => 'fluentforms:4' ) ),
			),
			$this->stored( 'dev_plugin02' )
		);
	}

	public function test_ninja_forms_after_submission(): void {
		do_action(
			'ninja_forms_after_submission',
			array(
				'form_id' => 2,
				'fields'  => array(
					5 => array(
						'key'   => 'email_1',
						'label' => 'Email',
						'type'  => 'email',
						'value' => 'eve@example.com',
					),
					6 => array(
						'key'   => 'job_1',
						'label' => 'Job title',
						'type'  => 'textbox',
						'value' => 'Buyer',
					),
				),
			)
		);
		$this->assertSame(
			array(
				'form'   => 'ninjaforms:2',
				'email'  => 'eve@example.com',
				'fields' => array( 'job_title' => 'Buyer' ),
			),
			$this->stored( 'dev_plugin01' )[0][1]
		);
	}

	public function test_nothing_is_recorded_while_form_tracking_is_off_and_no_cookie_names_nobody(): void {
		update_option( FormSettings::OPTION, array( 'enabled' => false ) + FormSettings::defaults() );
		do_action( 'ninja_forms_after_submission', array( 'form_id' => 2 ) );
		$this->assertSame( array(), $this->stored( 'dev_plugin01' ) );

		update_option( FormSettings::OPTION, array( 'enabled' => true ) + FormSettings::defaults() );
		$_COOKIE['footprints_device'] = 'not a device id!';
		do_action( 'ninja_forms_after_submission', array( 'form_id' => 777 ) );
		global $wpdb;
		$this->assertSame( '1', $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}footprints_events WHERE device_id IS NULL AND attributes = '{\"form\":\"ninjaforms:777\"}'" ) );
	}

	public function test_the_client_skips_the_active_plugins_forms(): void {
		// The fixture defines WPCF7_ContactForm, not CF7's version constant: only what a test defines counts.
		if ( ! defined( 'WPCF7_VERSION' ) ) {
			$this->assertSame( '', ( new FormPlugins() )->skip_selector() );
			define( 'WPCF7_VERSION', '6.1' );
		}
		$this->assertSame( '.wpcf7-form', ( new FormPlugins() )->skip_selector() );
	}
}
