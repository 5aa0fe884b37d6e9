// The case form as a person fills it in, by keyboard.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { backendContext } from '../src/backend';
import CaseForm from '../src/components/CaseForm.svelte';
import { setLocale } from '../src/i18n/index.svelte';
import { emptyDraft } from '../src/lib/draft';
import { testBackend } from './testBackend';

function renderForm(backend = testBackend()) {
  const onsaved = vi.fn();
  const oncancel = vi.fn();
  render(CaseForm, {
    props: { initial: emptyDraft(), onsaved, oncancel },
    context: backendContext(backend),
  });
  return { backend, onsaved, oncancel };
}

describe('case form', () => {
  it('shows a bad A-number next to its field, saves nothing, then saves once fixed', async () => {
    const user = userEvent.setup();
    const { backend, onsaved } = renderForm();

    await user.type(screen.getByLabelText(/Name as on immigration records/), 'Jesús Rivas');
    const aNumber = screen.getByLabelText(/^A-number/);
    await user.type(aNumber, 'A-123');
    await user.keyboard('{Control>}s{/Control}');

    const message = await screen.findByText(/An A-number has 8 or 9 digits/);
    expect(aNumber).toHaveAttribute('aria-invalid', 'true');
    expect(aNumber.getAttribute('aria-describedby')).toContain(message.id);
    expect(screen.getByText(/Nothing was saved/)).toBeTruthy();
    expect(await backend.listCases('')).toEqual([]);
    expect(onsaved).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(aNumber);

    await user.clear(aNumber);
    await user.type(aNumber, '12345678');
    await user.click(screen.getByRole('button', { name: 'Save case' }));

    await waitFor(() => expect(onsaved).toHaveBeenCalledTimes(1));
    expect(onsaved.mock.calls[0][0].person.aNumber).toBe('A-012-345-678');
    expect((await backend.listCases('')).map((c) => c.aNumber)).toEqual(['A-012-345-678']);
  });

  it('checks a field when it is left, but does not call an empty form an error', async () => {
    const user = userEvent.setup();
    renderForm();
    const name = screen.getByLabelText(/Name as on immigration records/);
    await user.click(name);
    await user.tab();
    expect(screen.queryByText('This is required.')).toBeNull();

    await user.type(screen.getByLabelText(/^A-number/), '99');
    await user.tab();
    expect(await screen.findByText(/An A-number has 8 or 9 digits/)).toBeTruthy();
  });

  it('asks for the name when saving without one', async () => {
    const user = userEvent.setup();
    const { backend } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Save case' }));
    expect(await screen.findByText('This is required.')).toBeTruthy();
    // The message is drawn, then the keyboard is taken to the field.
    await waitFor(() => expect(screen.getByLabelText(/Name as on immigration records/)).toHaveFocus());
    expect(await backend.listCases('')).toEqual([]);
  });

  it('is in Spanish when Spanish is chosen', async () => {
    setLocale('es');
    renderForm();
    expect(screen.getByRole('heading', { name: 'Nuevo caso' })).toBeTruthy();
    expect(screen.getByLabelText(/Nombre como aparece en los documentos de inmigración/)).toBeTruthy();
    expect(screen.getByLabelText(/^Número A/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Guardar caso' })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'marzo' })).toBeTruthy();
  });

  it('records a remembered date at its own precision', async () => {
    const user = userEvent.setup();
    const { onsaved } = renderForm();
    await user.type(screen.getByLabelText(/Name as on immigration records/), 'Ana');
    const birth = screen.getByRole('group', { name: 'Date of birth' });
    await user.type(birth.querySelector('input[id$="-year"]') as HTMLElement, '1994');
    await user.selectOptions(birth.querySelector('select') as HTMLElement, 'August');
    await user.click(birth.querySelector('input[type="checkbox"]') as HTMLElement);
    await user.click(screen.getByRole('button', { name: 'Save case' }));
    await waitFor(() => expect(onsaved).toHaveBeenCalled());
    expect(onsaved.mock.calls[0][0].person.birthDate).toEqual({
      year: 1994,
      month: 8,
      day: null,
      about: true,
    });
  });
});
