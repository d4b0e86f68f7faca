<?php
/**
 * FormPluginHooks.
 *
 * @package Footprints
 */

namespace Footprints\Forms;

use Footprints\Hookable;
use Footprints\SystemEvents\ServerEvents;

/**
 * The form plugins' own "submitted successfully" hooks (after their
 * validation and spam checks, unlike the browser's submit) record
 * form_submission with the form as `<plugin>:<id>`, the email and the
 * mapped fields, the device from the handoff cookie the client wrote at
 * submit, and the page the form was on (the request's referer). The
 * client leaves these plugins' forms alone (FormPlugins::skip_selector()).
 */
final class FormPluginHooks implements Hookable {

	/**
	 * Fluent Forms submissions recorded in this request, by id: Fluent Forms
	 * 5 fires its old hook name beside the new one for the same submission.
	 *
	 * @var array<string, true>
	 */
	private array $fluent_seen = array();

	/**
	 * Constructor.
	 *
	 * @param FormSettings $settings The form tracking settings.
	 * @param ServerEvents $events   Records a system event from a server hook.
	 */
	public function __construct( private FormSettings $settings, private ServerEvents $events ) {}

	/**
	 * One listener per plugin hook; a hook of a plugin not installed never fires.
	 */
	public function hook(): void {
		add_action( 'wpcf7_mail_sent', array( $this, 'contact_form_7' ) );
		add_action( 'gform_after_submission', array( $this, 'gravity_forms' ), 10, 2 );
		add_action( 'wpforms_process_complete', array( $this, 'wpforms' ), 10, 3 );
		add_action( 'fluentform/submission_inserted', array( $this, 'fluent_forms' ), 10, 3 );
		add_action( 'fluentform_submission_inserted', array( $this, 'fluent_forms' ), 10, 3 );
		add_action( 'ninja_forms_after_submission', array( $this, 'ninja_forms' ) );
	}

	/**
	 * Contact Form 7 sent its mail: the posted data of the current
	 * submission, typed by the form's tags.
	 *
	 * @param object $contact_form The WPCF7_ContactForm.
	 */
	public function contact_form_7( object $contact_form ): void {
		if ( ! class_exists( 'WPCF7_Submission' ) || ! method_exists( $contact_form, 'id' ) ) {
			return;
		}
		$submission = \WPCF7_Submission::get_instance();
		$posted     = $submission ? (array) $submission->get_posted_data() : array();
		$types      = array();
		if ( method_exists( $contact_form, 'scan_form_tags' ) ) {
			foreach ( (array) $contact_form->scan_form_tags() as $tag ) {
				$types[ (string) self::read( $tag, 'name' ) ] = (string) self::read( $tag, 'basetype' );
			}
		}
		$fields = array();
		foreach ( $posted as $name => $value ) {
			$fields[] = new PostedField( array( (string) $name ), $types[ $name ] ?? '', $value );
		}
		$this->record( 'cf7:' . $contact_form->id(), $fields );
	}

	/**
	 * Gravity Forms stored an entry (not one it marked as spam).
	 *
	 * @param mixed $entry The entry: field values by field id.
	 * @param mixed $form  The form: id and fields.
	 */
	public function gravity_forms( mixed $entry, mixed $form ): void {
		if ( ! is_array( $entry ) || ! is_array( $form ) || 'spam' === ( $entry['status'] ?? '' ) ) {
			return;
		}
		$fields = array();
		foreach ( (array) ( $form['fields'] ?? array() ) as $field ) {
			$id       = (string) self::read( $field, 'id' );
			$fields[] = new PostedField(
				self::names( 'input_' . $id, self::read( $field, 'adminLabel' ), self::read( $field, 'label' ) ),
				(string) self::read( $field, 'type' ),
				$entry[ $id ] ?? null
			);
		}
		$this->record( 'gravityforms:' . self::read( $form, 'id' ), $fields );
	}

	/**
	 * WPForms processed an entry.
	 *
	 * @param mixed $fields    The fields: id, name (label), type, value.
	 * @param mixed $entry     The raw entry.
	 * @param mixed $form_data The form: id.
	 */
	public function wpforms( mixed $fields, mixed $entry, mixed $form_data ): void {
		if ( ! is_array( $fields ) || ! is_array( $form_data ) ) {
			return;
		}
		$posted = array();
		foreach ( $fields as $id => $field ) {
			$posted[] = new PostedField(
				self::names( 'wpforms[fields][' . self::read( $field, 'id', $id ) . ']', self::read( $field, 'name' ) ),
				(string) self::read( $field, 'type' ),
				self::read( $field, 'value' )
			);
		}
		$this->record( 'wpforms:' . self::read( $form_data, 'id' ), $posted );
	}

	/**
	 * Fluent Forms inserted a submission (its hook's new and old names,
	 * which Fluent Forms 5 both fires: recorded once).
	 *
	 * @param mixed $insert_id The submission's id.
	 * @param mixed $form_data The posted data: values by input name.
	 * @param mixed $form      The form: id, and form_fields (JSON) that types the inputs.
	 */
	public function fluent_forms( mixed $insert_id, mixed $form_data, mixed $form ): void {
		$seen = is_scalar( $insert_id ) ? (string) $insert_id : '';
		if ( ! is_array( $form_data ) || ! is_object( $form ) || isset( $this->fluent_seen[ $seen ] ) ) {
			return;
		}
		if ( '' !== $seen ) {
			$this->fluent_seen[ $seen ] = true;
		}
		$types  = array();
		$layout = json_decode( (string) self::read( $form, 'form_fields' ), true );
		foreach ( (array) ( is_array( $layout ) ? ( $layout['fields'] ?? array() ) : array() ) as $element ) {
			$name = is_array( $element ) ? ( $element['attributes']['name'] ?? null ) : null;
			if ( is_string( $name ) ) {
				$types[ $name ] = 'input_email' === ( $element['element'] ?? '' ) ? 'email' : (string) ( $element['element'] ?? '' );
			}
		}
		$fields = array();
		foreach ( $form_data as $name => $value ) {
			// Its own tokens (_fluentform_1_fluentformnonce, __submission_ref...) are not fields.
			if ( ! str_starts_with( (string) $name, '_' ) ) {
				$fields[] = new PostedField( array( (string) $name ), $types[ $name ] ?? '', $value );
			}
		}
		$this->record( 'fluentforms:' . self::read( $form, 'id' ), $fields );
	}

	/**
	 * Ninja Forms processed a submission.
	 *
	 * @param mixed $form_data The submission: form_id, fields with key, label, type, value.
	 */
	public function ninja_forms( mixed $form_data ): void {
		if ( ! is_array( $form_data ) ) {
			return;
		}
		$fields = array();
		foreach ( (array) ( $form_data['fields'] ?? array() ) as $field ) {
			$fields[] = new PostedField(
				self::names( self::read( $field, 'key' ), self::read( $field, 'label' ) ),
				(string) self::read( $field, 'type' ),
				self::read( $field, 'value' )
			);
		}
		$this->record( 'ninjaforms:' . ( $form_data['form_id'] ?? self::read( $form_data['settings'] ?? array(), 'id' ) ), $fields );
	}

	/**
	 * Records the submission, when forms are tracked, with the device the
	 * submit's handoff cookie carries and the page as ServerEvents reads it
	 * (this site's referring page, without its query: no email or token
	 * a URL may carry).
	 *
	 * @param string        $form   The form's id, e.g. cf7:12.
	 * @param PostedField[] $fields Its fields.
	 */
	private function record( string $form, array $fields ): void {
		if ( $this->settings->enabled() ) {
			$this->events->record( ClientForms::EVENT, PostedField::attributes( $form, $fields, $this->settings->mapped_fields() ) );
		}
	}

	/**
	 * A property of an object or a key of an array (the plugins pass either).
	 *
	 * @param mixed      $from    Object or array.
	 * @param string     $key     Name.
	 * @param int|string $default What to use when it is missing.
	 */
	private static function read( mixed $from, string $key, int|string $default = '' ): mixed {
		if ( is_array( $from ) || $from instanceof \ArrayAccess ) {
			return $from[ $key ] ?? $default;
		}
		return is_object( $from ) && isset( $from->$key ) ? $from->$key : $default;
	}

	/**
	 * The non-empty names of a field.
	 *
	 * @param mixed ...$names Names, labels, keys.
	 * @return list<string>
	 */
	private static function names( mixed ...$names ): array {
		return array_values( array_filter( array_map( static fn( $name ) => is_scalar( $name ) ? trim( (string) $name ) : '', $names ), static fn( string $name ) => '' !== $name ) );
	}
}
