import type { ApolloServerPlugin } from '@apollo/server';
import { recordOf } from '../common/request-record';

/** Tells the request's record (observability/request-observer.ts) which operation Apollo ran and which error codes it sent. */
export const requestRecordPlugin: ApolloServerPlugin<{ req?: object }> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, operationName, request, response }) {
        const record = recordOf(contextValue?.req);
        if (!record) return;
        record.servedBy = 'apollo';
        record.operation = operationName ?? request.operationName ?? undefined;
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
        record.errorCodes = (errors ?? []).map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
        record.outcome = record.errorCodes[0] ?? 'OK';
      },
    };
  },
};
