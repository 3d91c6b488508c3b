// Host, domain and SSL-certificate requests through the shared approval flow, and their fulfilment:
// raw inventory hosts with login grants, DNS records through a writer, certificates from an internal CA.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AclModule } from '../acl/acl.module';
import { ApprovalModule } from '../approval/approval.module';
import { AuditModule } from '../audit/audit.module';
import { InventoryModule } from '../cmdb/inventory/inventory.module';
import { DomainRequestsResolver } from './domain-requests.resolver';
import { DomainRequestsService } from './domain-requests.service';
import { CertificateAuthority } from './entities/certificate-authority.entity';
import { DomainRequest } from './entities/domain-request.entity';
import { HostRequest } from './entities/host-request.entity';
import { SslCertificateRequest } from './entities/ssl-certificate-request.entity';
import { HostRequestsResolver } from './host-requests.resolver';
import { HostRequestsService } from './host-requests.service';
import { InternalCaService } from './internal-ca.service';
import { ResourceRequestBatchService } from './resource-request-batch.service';
import { ResourceRequestsResolver } from './resource-requests.resolver';
import { ResourceRequestsService } from './resource-requests.service';
import { SslCertificateRequestsResolver } from './ssl-certificate-requests.resolver';
import { SslCertificateRequestsService } from './ssl-certificate-requests.service';

const SERVICES = [
  ResourceRequestsService,
  HostRequestsService,
  DomainRequestsService,
  SslCertificateRequestsService,
  ResourceRequestBatchService,
];

/**
 * The DNS module's writer is not wired in yet: it will implement DomainRecordWriter
 * (domain-record-writer.ts) and be provided here under DOMAIN_RECORD_WRITER, with DnsModule
 * imported. Without it approved domain requests stay approved with "no DNS writer configured".
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([HostRequest, DomainRequest, SslCertificateRequest, CertificateAuthority]),
    AclModule,
    AuditModule,
    ApprovalModule,
    InventoryModule,
  ],
  providers: [
    ...SERVICES,
    InternalCaService,
    HostRequestsResolver,
    DomainRequestsResolver,
    SslCertificateRequestsResolver,
    ResourceRequestsResolver,
  ],
  exports: SERVICES,
})
export class ResourceRequestModule {}
