// The cmdb REST compatibility family, mounted under its base path
// (COMPAT_PREFIX_CMDB); controllers translate its wire format to domain services.
import { Module } from '@nestjs/common';

@Module({})
export class CmdbCompatModule {}
