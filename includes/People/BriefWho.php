<?php
/**
 * BriefWho.
 *
 * @package Footprints
 */

namespace Footprints\People;

use Footprints\Forms\FormSettings;

/**
 * Who a lead brief is about: their emails, user ids, the WordPress user's
 * display name, and of their traits only those the site owner mapped
 * (Forms tab: company, phone, job title). Any other trait identify() sent
 * (a name, a plan, an address...) stays out: the brief goes to a CRM or
 * an AI provider, and the owner decided what may be known there.
 *
 * @phpstan-type Who array{emails: list<string>, user_ids: list<string>, wp_user: array{id: int, display_name: string}|null, traits: array<string, string>}
 */
final class BriefWho {

	/**
	 * Constructor.
	 *
	 * @param FormSettings $forms The owner's field mapping.
	 */
	public function __construct( private FormSettings $forms ) {}

	/**
	 * What the brief may say of a person (as PeopleQuery::find() gives it), or null for none.
	 *
	 * @param array<string, mixed>|null $person The person.
	 * @return array
	 * @phpstan-return Who
	 */
	public function of( ?array $person ): array {
		$who = array(
			'emails'   => array(),
			'user_ids' => array(),
			'wp_user'  => null,
			'traits'   => array(),
		);
		if ( null === $person ) {
			return $who;
		}
		foreach ( (array) ( $person['ids'] ?? array() ) as $id ) {
			$kind = array(
				'email' => 'emails',
				'user'  => 'user_ids',
			)[ $id['kind'] ] ?? null;
			if ( null !== $kind ) {
				$who[ $kind ][] = BriefValue::line( (string) $id['value'] );
			}
		}
		if ( ! $who['emails'] && is_string( $person['email'] ?? null ) ) {
			$who['emails'][] = $person['email'];
		}
		$user = is_int( $person['wp_user_id'] ?? null ) ? get_userdata( $person['wp_user_id'] ) : false;
		if ( $user ) {
			$who['wp_user'] = array(
				'id'           => (int) $user->ID,
				'display_name' => BriefValue::line( (string) $user->display_name ),
			);
		}
		$traits = (array) ( $person['traits'] ?? array() );
		foreach ( $this->mapped() as $trait ) {
			$value = $traits[ $trait ] ?? null;
			if ( is_scalar( $value ) && '' !== BriefValue::line( (string) $value ) ) {
				$who['traits'][ $trait ] = BriefValue::short( (string) $value );
			}
		}
		return $who;
	}

	/**
	 * The traits the owner mapped, in the Forms tab's order.
	 *
	 * @return list<string>
	 */
	public function mapped(): array {
		return array_values( array_intersect( FormSettings::TRAITS, array_keys( $this->forms->mapped_fields() ) ) );
	}

	/**
	 * What to call the lead in the brief's title: the WordPress user's
	 * display name, else an email, else a user id, else null (anonymous).
	 *
	 * @param array $who Who.
	 * @phpstan-param Who $who
	 */
	public static function title( array $who ): ?string {
		return $who['wp_user']['display_name'] ?? $who['emails'][0] ?? $who['user_ids'][0] ?? null;
	}

	/**
	 * The "Who:" facts, each "label: value", in a fixed order.
	 *
	 * @param array $who Who.
	 * @return list<string>
	 * @phpstan-param Who $who
	 */
	public static function facts( array $who ): array {
		$facts = array();
		foreach ( $who['emails'] as $email ) {
			$facts[] = __( 'email', 'footprints' ) . ': ' . $email;
		}
		foreach ( $who['user_ids'] as $user_id ) {
			$facts[] = __( 'user id', 'footprints' ) . ': ' . $user_id;
		}
		if ( null !== $who['wp_user'] ) {
			$facts[] = __( 'WordPress user', 'footprints' ) . ': ' . $who['wp_user']['display_name'];
		}
		$labels = array(
			'company'   => __( 'company', 'footprints' ),
			'phone'     => __( 'phone', 'footprints' ),
			'job_title' => __( 'job title', 'footprints' ),
		);
		foreach ( $who['traits'] as $trait => $value ) {
			$facts[] = ( $labels[ $trait ] ?? $trait ) . ': ' . $value;
		}
		return $facts;
	}
}
