// The platform REST compatibility family, mounted under its base path
// (COMPAT_PREFIX_PLATFORM); controllers translate its wire format to domain services.
import { Module } from '@nestjs/common';

@Module({})
export class PlatformCompatModule {}
