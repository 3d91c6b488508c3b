import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../../acl/entities/user.entity';
import { Application } from './application.entity';

export enum ResponsePersonType {
  DEV = 'dev',
  OPS = 'ops',
  QA = 'qa',
  PM = 'pm',
}
registerEnumType(ResponsePersonType, { name: 'ResponsePersonType' });

/** Someone answerable for an application, in a capacity (developer, operator, QA, PM). */
@ObjectType()
@Entity('response_persons')
@Index(['applicationId', 'userId', 'type'], { unique: true })
export class ResponsePerson {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  applicationId: number;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: Application;

  @Field(() => Int)
  @Index()
  @Column({ type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Field(() => ResponsePersonType)
  @Column({ type: 'simple-enum', enum: ResponsePersonType })
  type: ResponsePersonType;
}
