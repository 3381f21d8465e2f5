import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { DialogForm } from '../../../components/ui/DialogForm';
import { FormModal } from '../../../components/ui/FormModal';
import { MoneyInput } from '../../../components/ui/MoneyInput';
import type { Expense, TicketDetail } from '../../../lib/api/api-types';
import { errorOf } from '../../../lib/form-errors';
import { useSaveRecord } from '../../../lib/forms/use-save-record';
import { centsToDollarsText, dollarsToCents, formatCents } from '../../../lib/money/money';
import { useCityToday } from '../../../lib/time/use-city-today';
import { useAddExpense, useUpdateExpense } from '../hooks/use-cost-mutations';
import { AssetPicker, type PickedAsset } from './AssetPicker';
import { EXPENSE_TYPE_OPTIONS, EXPENSE_TYPES } from './cost-words';

interface ExpenseFormModalProps {
  ticket: TicketDetail;
  /** The expense to edit; null to add one. */
  expense: Expense | null;
  opened: boolean;
  onClose: () => void;
}

export function ExpenseFormModal({ ticket, expense, opened, onClose }: ExpenseFormModalProps) {
  return (
    <FormModal opened={opened} onClose={onClose} title={expense ? 'Edit expense' : 'Add expense'} size="lg">
      <ExpenseForm key={expense?.id ?? 'new'} ticket={ticket} expense={expense} onDone={onClose} />
    </FormModal>
  );
}

interface ExpenseValues {
  type: string | null;
  /** Dollars as typed; sent as integer cents. */
  amount: number | string;
  vendor: string;
  spentOn: string;
  description: string;
  asset: PickedAsset | null;
}

function ExpenseForm({ ticket, expense, onDone }: { ticket: TicketDetail; expense: Expense | null; onDone: () => void }) {
  const today = useCityToday();
  const form = useForm<ExpenseValues>({
    initialValues: {
      type: expense?.type ?? null,
      amount: expense ? centsToDollarsText(expense.amountCents) : '',
      vendor: expense?.vendor ?? '',
      spentOn: expense?.spentOn ?? today,
      description: expense?.description ?? '',
      asset: expense?.asset ?? null,
    },
    validate: {
      type: isNotEmpty('Choose what the money went on'),
      amount: (value) => (dollarsToCents(value) ? null : 'Enter the amount in dollars, like 45.99'),
      spentOn: isNotEmpty('Choose the day it was spent'),
    },
  });
  const save = useSaveRecord({
    record: expense,
    createMutation: useAddExpense(ticket.id),
    updateMutation: useUpdateExpense(ticket.id),
    form,
    savedMessage: (saved) => `The ${formatCents(saved.amountCents)} expense was saved.`,
    onDone,
  });

  const handleSubmit = form.onSubmit((values) => {
    const type = EXPENSE_TYPES.find((t) => t === values.type);
    const amountCents = dollarsToCents(values.amount);
    if (!type || !amountCents) return;
    save.save({
      type,
      amountCents,
      vendor: values.vendor.trim() || null,
      spentOn: values.spentOn,
      description: values.description.trim(),
      assetId: values.asset?.id ?? null,
    });
  });

  return (
    <DialogForm
      onSubmit={handleSubmit}
      error={save.error}
      errorTitle="Could not save the expense"
      submitLabel={expense ? 'Save' : 'Add expense'}
      submitting={save.saving}
      onCancel={onDone}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label="Type" required data={EXPENSE_TYPE_OPTIONS} allowDeselect={false} {...form.getInputProps('type')} />
        <MoneyInput
          label="Amount"
          required
          {...form.getInputProps('amount')}
          // The API names the field it refused by what it was sent: cents.
          error={errorOf(form.errors, 'amount', 'amountCents')}
        />
        <TextInput label="Vendor" autoComplete="off" {...form.getInputProps('vendor')} />
        <TextInput label="Date" type="date" required max={today} {...form.getInputProps('spentOn')} />
      </SimpleGrid>
      <Textarea label="Description" autosize minRows={2} maxRows={6} {...form.getInputProps('description')} />
      <AssetPicker
        label="Asset"
        description="The device the money went into, if any"
        value={form.values.asset}
        onChange={(asset) => {
          form.setFieldValue('asset', asset);
          form.clearFieldError('assetId');
        }}
        error={errorOf(form.errors, 'assetId')}
      />
    </DialogForm>
  );
}
