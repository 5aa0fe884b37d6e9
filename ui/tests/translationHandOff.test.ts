// Handing a statement to a volunteer translator, in Spanish as a mother
// does it: her copy printed, the translation sheet saved, filled by the
// translator in a text editor, opened again, and the English beside each
// paragraph whose words did not change since, with the translator named.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backendContext } from '../src/backend';
import StatementEditor from '../src/components/StatementEditor.svelte';
import { setLocale } from '../src/i18n/index.svelte';
import { newStatement } from '../src/lib/statement';
import { caseWithMother, testBackend } from './testBackend';

afterEach(() => setLocale('en'));

async function mothersStatement(texts: [string, string][]) {
  setLocale('es');
  const backend = testBackend();
  const { c, mother } = await caseWithMother(backend);
  const statement = newStatement(mother, c);
  statement.paragraphs = texts.map(([original, english]) => ({ original, english, exhibits: [] }));
  const created = await backend.createStatement(c.id, statement);
  render(StatementEditor, {
    props: { caseId: c.id, id: created.id, onback: () => {} },
    context: backendContext(backend),
  });
  await screen.findByRole('heading', { name: 'Traducción' });
  return { backend, id: created.id, caseId: c.id };
}

/** What a translator does in a text editor: the English under each
 * paragraph's "English" line, and their name. */
function fillIn(sheet: string, english: string[], name: string): string {
  let k = 0;
  return sheet
    .split('\n')
    .map((line) => {
      if (line.startsWith('Translator\'s full name')) return `${line} ${name}`;
      if (line.startsWith('===') && line.endsWith(' English ===')) return `${line}\n${english[k++] ?? ''}`;
      return line;
    })
    .join('\r\n');
}

describe('the translation hand-off', () => {
  it('saves a sheet, and the filled sheet puts the English beside each paragraph, naming the translator', async () => {
    const user = userEvent.setup();
    const { backend, id } = await mothersStatement([
      ['Me llamo María Elena.', ''],
      ['Las coronas honran a sus padres.', ''],
      ['Nunca perteneció a una pandilla.', 'He never belonged to a gang.'],
    ]);
    expect(screen.getByText('Falta traducir al inglés los párrafos 1, 2.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Guardar la hoja de traducción…' }));
    await waitFor(() => expect(backend.savedSheets).toHaveLength(1));
    expect(await screen.findByText(/Se guardó en .*translation-sheet-1\.txt/)).toBeInTheDocument();
    const sheet = readFileSync(backend.savedSheets[0].path, 'utf8');
    expect(sheet).toContain('=== 2 original ===\nLas coronas honran a sus padres.');

    // The translator writes the English (and, for paragraph 3, another
    // wording than the one already there), and sends it back from Windows.
    const filled = join(dirname(backend.savedSheets[0].path), 'filled.txt');
    writeFileSync(
      filled,
      fillIn(sheet, ['My name is María Elena.', 'The crowns honor his parents.', 'He was never in a gang.'], 'Ana Ruiz Paredes'),
    );
    backend.pickedSheet = filled;
    await user.click(screen.getByRole('button', { name: 'Abrir la hoja ya llenada…' }));

    const brought = await screen.findByRole('list', { name: 'Lo que trajo la hoja' });
    expect(brought).toHaveTextContent('Se puso el inglés de 2 párrafos y ya está guardado.');
    expect(screen.getByText('Los 3 párrafos ya tienen su traducción al inglés.')).toBeInTheDocument();
    expect(brought).toHaveTextContent('El párrafo 3 ya tenía traducción al inglés; se dejó como estaba.');
    expect(brought).toHaveTextContent('Tradujo Ana Ruiz Paredes, según la hoja');
    expect(screen.getByLabelText('Párrafo 2, traducción al inglés')).toHaveValue('The crowns honor his parents.');

    // Saved at once, with no Save pressed.
    await waitFor(
      async () => {
        const saved = await backend.getStatement(id);
        expect(saved.paragraphs.map((p) => p.english)).toEqual([
          'My name is María Elena.',
          'The crowns honor his parents.',
          'He never belonged to a gang.',
        ]);
        expect(saved.helper.name).toBe('Ana Ruiz Paredes');
      },
      { timeout: 5000 },
    );
  });

  it('keeps the English of a paragraph changed since the sheet out, and says so', async () => {
    const user = userEvent.setup();
    const { backend } = await mothersStatement([
      ['Uno.', ''],
      ['Dos.', ''],
    ]);
    await user.click(screen.getByRole('button', { name: 'Guardar la hoja de traducción…' }));
    await waitFor(() => expect(backend.savedSheets).toHaveLength(1));
    const sheet = readFileSync(backend.savedSheets[0].path, 'utf8');

    await user.type(screen.getByLabelText(/Párrafo 2, en/), ' Y tres.');
    const filled = join(dirname(backend.savedSheets[0].path), 'filled.txt');
    writeFileSync(filled, fillIn(sheet, ['One.', 'Two.'], ''));
    backend.pickedSheet = filled;
    await user.click(screen.getByRole('button', { name: 'Abrir la hoja ya llenada…' }));

    const brought = await screen.findByRole('list', { name: 'Lo que trajo la hoja' });
    expect(brought).toHaveTextContent('Se puso el inglés de 1 párrafo y ya está guardado.');
    expect(brought).toHaveTextContent('El párrafo 2 cambió después de hacer la hoja');
    expect(screen.getByLabelText('Párrafo 2, traducción al inglés')).toHaveValue('');
  });

  it('refuses a file that is not a sheet, or another statement\'s, taking nothing', async () => {
    const user = userEvent.setup();
    const { backend } = await mothersStatement([['Uno.', '']]);
    const folder = dirname(backend.host.folder('saved'));
    const notSheet = join(folder, 'letter.txt');
    writeFileSync(notSheet, 'Querida Ana, aquí va la declaración.\n');
    backend.pickedSheet = notSheet;
    await user.click(screen.getByRole('button', { name: 'Abrir la hoja ya llenada…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Este archivo no es una hoja de traducción llenada, o está incompleto. No se tomó nada de él.',
    );

    const other = join(folder, 'other.txt');
    writeFileSync(
      other,
      'TRANSLATION SHEET / HOJA DE TRADUCCIÓN\nStatement / Declaración: 0193a3c4-0000-7000-8000-000000000009\n=== 1 · original ===\nUno.\n=== 1 · English ===\nOne.\n=== END / FIN ===\n',
    );
    backend.pickedSheet = other;
    await user.click(screen.getByRole('button', { name: 'Abrir la hoja ya llenada…' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('Esta hoja de traducción es de otra declaración'),
    );
    expect(screen.getByLabelText('Párrafo 1, traducción al inglés')).toHaveValue('');
  });

  it('prints the translator\'s copy through the shell, with Spanish headings', async () => {
    const user = userEvent.setup();
    const { backend, id } = await mothersStatement([['Uno.', '']]);
    await user.click(screen.getByRole('button', { name: 'Imprimir para quien traduce' }));
    await waitFor(() => expect(backend.openedTranslatorCopies).toHaveLength(1));
    expect(backend.openedTranslatorCopies[0]).toMatchObject({ id, language: 'es' });
    expect(readFileSync(backend.openedTranslatorCopies[0].path).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('reads a sheet pasted from a message, greeting and all', async () => {
    const user = userEvent.setup();
    const { backend, id } = await mothersStatement([['Uno.', '']]);
    await user.click(screen.getByRole('button', { name: 'Guardar la hoja de traducción…' }));
    await waitFor(() => expect(backend.savedSheets).toHaveLength(1));
    const sheet = readFileSync(backend.savedSheets[0].path, 'utf8');
    await user.click(screen.getByRole('button', { name: 'Pegar la hoja llenada…' }));
    const box = await screen.findByLabelText('La hoja llenada, copiada del mensaje');
    await user.click(box);
    await user.paste(`Hola María, aquí está.\n\n${fillIn(sheet, ['One.'], 'Ana Ruiz')}\n\nUn abrazo`);
    await user.click(screen.getByRole('button', { name: 'Leer la hoja' }));
    expect(await screen.findByRole('list', { name: 'Lo que trajo la hoja' })).toHaveTextContent(
      'Se puso el inglés de 1 párrafo y ya está guardado.',
    );
    await waitFor(async () => expect((await backend.getStatement(id)).paragraphs[0].english).toBe('One.'));
  });
});
