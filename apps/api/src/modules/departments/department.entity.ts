import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'departments' })
export class Department {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  /** Short upper-case code, unique: "FIN", "POLICE". */
  @Column({ type: 'text' })
  code: string;

  /** Life-safety departments (police, fire) raise ticket priority one step. */
  @Column({ name: 'life_safety', type: 'boolean', default: false })
  lifeSafety: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
