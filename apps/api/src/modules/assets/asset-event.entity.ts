import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../users/user.entity.js';
import { Asset } from './asset.entity.js';

/** An asset's history: each status change (into repair, back in service, retired) with who and when. */
@Entity({ name: 'asset_events' })
@Index('asset_events_asset_idx', ['assetId', 'id'])
export class AssetEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'asset_id', type: 'uuid' })
  assetId: string;

  /** An asset that may be deleted (no ticket refers to it) takes its history with it. */
  @ManyToOne(() => Asset, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'asset_id', foreignKeyConstraintName: 'asset_events_asset_id_fkey' })
  asset?: Relation<Asset>;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'asset_events_actor_id_fkey' })
  actor?: Relation<User>;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
