import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InstanceLogsService } from '../../cmdb/inventory/instance-logs.service';
import { CurrentPrincipal } from '../../common/auth/decorators';
import type { Principal } from '../../common/auth/principal';
import { PlatformInstanceLogQuery } from './dto/platform-instance-log.query';
import { PlatformIdPipe } from './platform-id.pipe';

/** An application instance's log, read from its host a window at a time (bytes or lines). */
@ApiTags('platform')
@ApiBearerAuth()
@Controller('application/:appId/instance/:instanceId/log')
export class PlatformInstanceLogController {
  constructor(private readonly logs: InstanceLogsService) {}

  @Get()
  read(
    @CurrentPrincipal() actor: Principal,
    @Param('appId', PlatformIdPipe) appId: number,
    @Param('instanceId', PlatformIdPipe) instanceId: number,
    @Query() query: PlatformInstanceLogQuery,
  ) {
    const { log_type: logType = 'stdout', ...options } = query;
    return this.logs.read(actor, appId, instanceId, logType, options);
  }
}
