import { Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base.entity';
import { Role } from '../core/role';

@Entity('app_user')
export class User extends BaseRecord {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 320, nullable: true })
  @Index({ unique: true })
  email: string | null;

  @Column({ type: 'varchar', length: 16 })
  role: Role;
}
