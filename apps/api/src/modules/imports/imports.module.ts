import { Module } from '@nestjs/common';
import { TicketHistoryModule } from '../ticket-history/ticket-history.module.js';
import { ImportFilesService } from './import-files.service.js';
import { ImportWorker } from './import-worker.js';
import { ImportsController } from './imports.controller.js';
import { ImportsService } from './imports.service.js';
import { TicketImportProcessor } from './ticket-import.processor.js';

/** History imports: tickets from another helpdesk's export, through the history writer. */
@Module({
  imports: [TicketHistoryModule],
  controllers: [ImportsController],
  providers: [ImportFilesService, ImportsService, TicketImportProcessor, ImportWorker],
})
export class ImportsModule {}
