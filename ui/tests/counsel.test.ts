// The export for counsel from the packet page, against the real core: one
// encrypted file by default with the passphrase Amparo made shown once and
// how counsel opens it; the user's own passphrase refused on its field
// when short, before a folder is asked for; a plain export only behind the
// box that says anyone can read it; the same in Spanish.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { backendContext } from '../src/backend';
import type { CounselExport } from '../src/bindings/CounselExport';
import PacketPage from '../src/components/PacketPage.svelte';
import { setLocale } from '../src/i18n/index.svelte';
import { emptyDraft } from '../src/lib/draft';
import { emptyDeclarant, newStatement } from '../src/lib/statement';
import { testBackend, type TestBackend } from './testBackend';

const NAME = 'María Elena Moreno de Rivas';

/** A case whose packet holds one declaration, and a folder to export into. */
async function caseToExport(): Promise<{ backend: TestBackend; caseId: string; folder: string }> {
  const backend = testBackend();
  const draft = emptyDraft();
  draft.person.recordName = 'Rivas Moreno, Jesús Alberto';
  draft.person.aNumber = 'A-000-111-222';
  const c = await backend.createCase(draft);
  const maria = await backend.createDeclarant(c.id, { ...emptyDeclarant(), fullName: NAME, readsEnglish: 'no' });
  const statement = newStatement(maria, c);
  statement.title = 'Declaration of María';
  statement.paragraphs = [{ original: 'Mi hijo se hizo el tatuaje por mí.', english: 'My son got the tattoo for me.', exhibits: [] }];
  await backend.createStatement(c.id, statement);
  const folder = backend.host.folder('usb');
  backend.pickedFolder = folder;
  render(PacketPage, { props: { caseId: c.id, onback: () => {} }, context: backendContext(backend) });
  // The packet's sections appear once it is read.
  await screen.findAllByRole('heading', { level: 2 });
  return { backend, caseId: c.id, folder };
}

describe('export for counsel', () => {
  it('writes one encrypted file and shows the passphrase Amparo made once, with how counsel opens it', async () => {
    const user = userEvent.setup();
    const { backend, folder } = await caseToExport();
    await user.click(screen.getByRole('button', { name: 'Export for counsel…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export for counsel' });
    expect(dialog).toHaveTextContent(/Tell the passphrase to counsel by phone/);
    // Amparo's passphrase is the default; the plain export is off.
    expect(screen.getByLabelText(/Amparo makes one/)).toBeChecked();
    expect(screen.getByLabelText(/readable by anyone who gets them/)).not.toBeChecked();
    // The export button has the keyboard: Enter exports.
    expect(screen.getByRole('button', { name: 'Choose a folder and export' })).toHaveFocus();
    await user.keyboard('{Enter}');

    await screen.findByRole('dialog', { name: 'Ready for counsel' });
    const done = backend.outputs('export_counsel')[0] as CounselExport;
    expect(done.encrypted).toBe(true);
    expect(done.folder).toBeNull();
    expect(done.file).toMatch(/For-counsel-\d{4}-\d{2}-\d{2}\.zip\.age$/);
    expect(done.passphrase).toMatch(/^[a-z]+(-[a-z]+){5}$/);
    expect(screen.getByText(done.passphrase ?? '')).toBeInTheDocument();
    expect(screen.getByText(/It is shown only now/)).toBeInTheDocument();
    expect(screen.getByText(/apt install age/)).toBeInTheDocument();
    const base = done.file.split('/').pop()?.replace(/\.zip\.age$/, '') ?? '';
    expect(screen.getByText(new RegExp(`age -d -o ${base}\\.zip ${base}\\.zip\\.age`))).toBeInTheDocument();
    expect(screen.getByText(/sha256sum -c SHA256SUMS/)).toBeInTheDocument();

    // On the stick: the one encrypted file, with no name in it.
    expect(readdirSync(folder)).toEqual([`${base}.zip.age`]);
    const bytes = readFileSync(join(folder, `${base}.zip.age`));
    expect(bytes.subarray(0, 22).toString()).toBe('age-encryption.org/v1\n');
    expect(bytes.includes(Buffer.from(NAME))).toBe(false);
    expect(bytes.includes(Buffer.from('000111222'))).toBe(false);

    // Closed, the passphrase is gone from the window; the page says where the file went.
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByText(done.passphrase ?? '')).not.toBeInTheDocument();
    expect(screen.getAllByText(`Written for counsel, encrypted: ${done.file}.`).length).toBeGreaterThan(0);
  });

  it('refuses a passphrase of the user under 8 characters on its field, before asking for a folder', async () => {
    const user = userEvent.setup();
    const { backend } = await caseToExport();
    await user.click(screen.getByRole('button', { name: 'Export for counsel…' }));
    await screen.findByRole('dialog', { name: 'Export for counsel' });
    // From the keyboard: the arrow key moves the choice to "my own".
    screen.getByLabelText(/Amparo makes one/).focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByLabelText('I will type my own')).toBeChecked();
    const field = screen.getByLabelText(/Your passphrase for counsel/);
    await user.type(field, 'corto');
    await user.keyboard('{Enter}');
    expect(await screen.findByText('This is too short.')).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(backend.counselExports).toEqual([]);

    await user.type(field, ' pero no tanto');
    await user.keyboard('{Enter}');
    await screen.findByRole('dialog', { name: 'Ready for counsel' });
    expect(backend.counselExports).toEqual([{ includeGps: false, plain: false, passphrase: 'corto pero no tanto' }]);
    const done = backend.outputs('export_counsel')[0] as CounselExport;
    expect(done.passphrase).toBeNull();
    expect(screen.getByText(/opens with the passphrase you typed/)).toBeInTheDocument();
    expect(screen.queryByText('corto pero no tanto')).not.toBeInTheDocument();
  });

  it('writes a plain folder and zip only when the box that says anyone can read them is ticked', async () => {
    const user = userEvent.setup();
    const { backend, folder } = await caseToExport();
    await user.click(screen.getByRole('button', { name: 'Export for counsel…' }));
    await screen.findByRole('dialog', { name: 'Export for counsel' });
    await user.click(screen.getByLabelText(/Export without encryption: the files will be readable by anyone who gets them/));
    expect(screen.getByRole('alert')).toHaveTextContent(/Not encrypted\. Anyone who finds the USB stick/);
    expect(screen.getByLabelText(/Amparo makes one/)).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Choose a folder and export WITHOUT encryption' }));
    await screen.findByRole('dialog', { name: 'Ready for counsel' });
    expect(backend.counselExports).toEqual([{ includeGps: false, plain: true, passphrase: null }]);
    const done = backend.outputs('export_counsel')[0] as CounselExport;
    expect(done.encrypted).toBe(false);
    expect(done.folder).not.toBeNull();
    expect(existsSync(join(done.folder ?? '', 'SHA256SUMS'))).toBe(true);
    expect(done.file.endsWith('.zip')).toBe(true);
    expect(readdirSync(folder).sort()).toHaveLength(2);
    expect(screen.getByText(/Written WITHOUT encryption/)).toBeInTheDocument();
  });

  it('speaks Spanish', async () => {
    setLocale('es');
    const user = userEvent.setup();
    await caseToExport();
    await user.click(screen.getByRole('button', { name: 'Exportar para el abogado…' }));
    await screen.findByRole('dialog', { name: 'Exportar para el abogado' });
    expect(screen.getByLabelText(/Amparo crea una/)).toBeChecked();
    expect(screen.getByLabelText(/cualquiera que obtenga los archivos podrá leerlos/)).not.toBeChecked();
    await user.keyboard('{Enter}');
    await screen.findByRole('dialog', { name: 'Listo para el abogado' });
    expect(screen.getByText(/Dígasela al abogado por teléfono/)).toBeInTheDocument();
    expect(screen.getByText(/escribe la frase cuando se la pide/)).toBeInTheDocument();
  });
});
