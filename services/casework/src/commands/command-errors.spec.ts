import { BadRequestException, ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';
import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { CASE_COMMAND_REJECTED, INVALID_CASE_COMMAND } from '@civicflow/workflows';
import { toHttpError } from './command-errors';
import { isCaseCommand, mayActOnCase } from './command-policy';

const updateFailed = (failure: ApplicationFailure) => new WorkflowUpdateFailedError('Workflow Update failed', failure);

describe('case command errors → HTTP', () => {
  it('answers 404 for an unknown case', () => {
    const error = toHttpError(new WorkflowNotFoundError('not found', '20261128-000001', undefined), '20261128-000001');
    expect(error).toBeInstanceOf(NotFoundException);
  });

  it('answers 409 with the domain reason for a rejected command', () => {
    const reason = { code: 'ALREADY_ACCEPTED', zh: '案件已签收', en: 'the case was already accepted' };
    const error = toHttpError(updateFailed(ApplicationFailure.create({ type: CASE_COMMAND_REJECTED, message: reason.en, details: [reason], nonRetryable: true })), 'x');
    expect(error).toBeInstanceOf(ConflictException);
    expect((error as ConflictException).getResponse()).toEqual({ message: '案件已签收 (the case was already accepted)', reason });
  });

  it('answers 400 with the field for an invalid command', () => {
    const error = toHttpError(updateFailed(ApplicationFailure.create({ type: INVALID_CASE_COMMAND, message: 'reason is required', details: [{ field: 'reason', reason: 'required' }] })), 'x');
    expect(error).toBeInstanceOf(BadRequestException);
    expect((error as BadRequestException).getResponse()).toMatchObject({ errors: [{ field: 'reason', reason: 'required' }] });
  });

  it('keeps HTTP errors and rethrows what it cannot explain', () => {
    const forbidden = new ForbiddenException();
    expect(toHttpError(forbidden, 'x')).toBe(forbidden);
    const other = new Error('boom');
    expect(toHttpError(other, 'x')).toBe(other);
  });
});

describe('command policy', () => {
  it('knows every Update and only those', () => {
    expect(isCaseCommand('accept')).toBe(true);
    expect(isCaseCommand('toString')).toBe(false);
    expect(isCaseCommand('launch')).toBe(false);
  });

  it('lets city-level users, units on the path and summoned departments act', () => {
    const scope = { orgPath: ['bf-d01-s01', 'bf-d01-s01-c01'], departmentIds: ['dept-urban-management'] };
    const user = (unitId: string) => ({ userId: 'u', name: 'u', role: 'supervisor' as const, unitId });
    expect(mayActOnCase(user('bf'), 'bf', scope)).toBe(true);
    expect(mayActOnCase(user('bf-d01-s01'), 'bf', scope)).toBe(true);
    expect(mayActOnCase(user('dept-urban-management'), 'bf', scope)).toBe(true);
    expect(mayActOnCase(user('bf-d01-s02'), 'bf', scope)).toBe(false);
  });
});
