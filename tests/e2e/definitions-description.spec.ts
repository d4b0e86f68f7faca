/**
 * The definition form says what a useful description holds (the action,
 * its intent, the follow-up it implies) and warns, without blocking the
 * save, when the description is empty or only repeats the event's name or
 * code: the AI engine that writes nurture emails learns nothing from it.
 */

/**
 * Internal dependencies
 */
import { expect, test } from './fixtures';
import { shoot } from './screenshot';
import {
	deleteDefinitions,
	notices,
	openSettings,
	readDefinition,
	rowAction,
	searchedRow,
	useEmbeddedBackend,
} from './settings';

const CODE = 'pricing_trial_click';
const GOOD =
	"Clicked 'Start free trial' on the pricing page: ready to try the product; follow up with onboarding help, not a sales pitch.";
const EMPTY_WARNING = 'No description yet: the AI engine will only know';
const REPEAT_WARNING = 'only repeats the event’s name or code';

test.describe( 'Event descriptions', () => {
	test.beforeAll( async ( { requestUtils } ) => {
		await useEmbeddedBackend( requestUtils );
		await deleteDefinitions( requestUtils, [ CODE ] );
	} );

	test.afterAll( async ( { requestUtils } ) => {
		await deleteDefinitions( requestUtils, [ CODE ] );
	} );

	test( 'warns about empty and name-repeating descriptions, and still saves', async ( {
		page,
		requestUtils,
	} ) => {
		await openSettings( page );
		await page.getByRole( 'button', { name: 'Add event' } ).click();
		const form = page.getByRole( 'dialog', { name: 'Add event' } );
		await form
			.getByLabel( 'Name', { exact: true } )
			.fill( 'Pricing Trial Click' );
		await expect( form.getByLabel( 'Code', { exact: true } ) ).toHaveValue(
			CODE
		);
		await expect(
			form.getByText( 'what it implies for the follow-up' )
		).toBeVisible();
		await expect(
			form.getByText(
				'follow up with onboarding help, not a sales pitch'
			)
		).toBeVisible();

		const description = form.getByLabel( 'Description' );
		const warning = form.locator( '.footprints-description-warning' );
		await expect( warning ).toHaveText( new RegExp( EMPTY_WARNING ) );

		// Case, punctuation and underscores do not hide a repeat.
		await description.fill( 'The pricing_trial_click event.' );
		await expect( warning ).toContainText( REPEAT_WARNING );
		await description.fill( 'PRICING: TRIAL-CLICK!' );
		await expect( warning ).toContainText( REPEAT_WARNING );
		// Tall enough for the whole form, warning included.
		await page.setViewportSize( { width: 1280, height: 1000 } );
		await shoot( page, 'definitions-description' );

		await description.fill( GOOD );
		await expect( warning ).toHaveCount( 0 );

		// A warning never blocks the save.
		await description.fill( 'Pricing trial click' );
		await expect( warning ).toContainText( REPEAT_WARNING );
		await form.getByRole( 'button', { name: 'Create event' } ).click();
		await expect( notices( page ) ).toContainText(
			'“Pricing Trial Click” was created.'
		);
		expect(
			( await readDefinition( requestUtils, CODE ) ).description
		).toBe( 'Pricing trial click' );

		// Editing the saved event shows the warning again, and a good description clears it.
		await searchedRow( page, CODE );
		await rowAction( page, CODE, 'Edit' );
		const edit = page.getByRole( 'dialog', {
			name: 'Edit “Pricing Trial Click”',
		} );
		const editWarning = edit.locator( '.footprints-description-warning' );
		await expect( editWarning ).toContainText( REPEAT_WARNING );
		await edit.getByLabel( 'Description' ).fill( '' );
		await expect( editWarning ).toHaveText( new RegExp( EMPTY_WARNING ) );
		await edit.getByLabel( 'Description' ).fill( GOOD );
		await expect( editWarning ).toHaveCount( 0 );
		await edit.getByRole( 'button', { name: 'Save changes' } ).click();
		await expect( notices( page ) ).toContainText(
			'“Pricing Trial Click” was saved.'
		);
		expect(
			( await readDefinition( requestUtils, CODE ) ).description
		).toBe( GOOD );
	} );
} );
