// An English statement by someone who does not read English: the editor
// asks for the interpreter who read it to them, and the core's check says
// so until one is named.
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { backendContext } from '../src/backend';
import StatementEditor from '../src/components/StatementEditor.svelte';
import { newStatement } from '../src/lib/statement';
import { caseWithMother, testBackend } from './testBackend';

describe('an English statement for a declarant who reads no English', () => {
  it('asks for the interpreter, and the core blocks a final print until one is named', async () => {
    const backend = testBackend();
    const { c, mother } = await caseWithMother(backend, { languages: ['es'] });
    const statement = newStatement(mother, c);
    statement.language = 'en';
    statement.paragraphs = [{ original: 'I am his mother.', english: '', exhibits: [] }];
    const created = await backend.createStatement(c.id, statement);
    render(StatementEditor, {
      props: { caseId: c.id, id: created.id, onback: () => {} },
      context: backendContext(backend),
    });
    expect(await screen.findByRole('group', { name: 'Interpreter' })).toBeInTheDocument();
    expect(screen.getByLabelText('How the English text was read back')).toBeInTheDocument();
    expect(await screen.findByText('Name the translator or interpreter.')).toBeInTheDocument();
  });
});
