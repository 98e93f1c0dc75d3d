// The portal's people: a portal admin, who made the seeded entries (the default key's own files), and a
// regular user.
import { randomBytes, randomUUID } from 'node:crypto'

export const ADMIN_EMAIL = 'admin@example.com'
export const ADMIN_PASSWORD = 'emulator-admin-password'
export const USER_EMAIL = 'user@example.com'
export const USER_PASSWORD = 'emulator-user-password'

/** Session tokens from POST /authentication live this long. */
const TOKEN_LIFETIME_MS = 30 * 24 * 3600_000

export interface UserRecord {
  id: string
  email: string
  displayName: string
  isAdmin: boolean
  password: string
}

/** What a request knows about its caller. */
export interface Caller {
  id: string
  isAdmin: boolean
}

export interface SessionToken {
  userId: string
  expires: Date
}

export class Directory {
  readonly admin: UserRecord
  readonly user: UserRecord
  private readonly apiKeys = new Map<string, string>()
  private readonly tokens = new Map<string, SessionToken>()

  constructor() {
    this.admin = {
      id: randomUUID(),
      email: ADMIN_EMAIL,
      displayName: 'Portal Administrator',
      isAdmin: true,
      password: ADMIN_PASSWORD
    }
    this.user = {
      id: randomUUID(),
      email: USER_EMAIL,
      displayName: 'Release Manager',
      isAdmin: false,
      password: USER_PASSWORD
    }
  }

  users(): UserRecord[] {
    return [this.admin, this.user]
  }

  byId(id: string): UserRecord | undefined {
    return this.users().find((u) => u.id === id)
  }

  /** userName is matched case-insensitively, as e-mail logins are. */
  byCredentials(userName: string, password: string): UserRecord | undefined {
    const name = userName.trim().toLowerCase()
    return this.users().find((u) => u.email === name && u.password === password)
  }

  /** A new `sk-…` personal access token of the user. */
  createApiKey(userId: string): string {
    const key = `sk-${randomBytes(24).toString('hex')}`
    this.apiKeys.set(key, userId)
    return key
  }

  byApiKey(key: string): UserRecord | undefined {
    const id = this.apiKeys.get(key)
    return id === undefined ? undefined : this.byId(id)
  }

  issueToken(userId: string, now = new Date()): { token: string } & SessionToken {
    const token = randomBytes(48).toString('base64url')
    const session = { userId, expires: new Date(now.getTime() + TOKEN_LIFETIME_MS) }
    this.tokens.set(token, session)
    return { token, ...session }
  }

  byToken(token: string, now = new Date()): UserRecord | undefined {
    const session = this.tokens.get(token)
    if (!session || session.expires <= now) return undefined
    return this.byId(session.userId)
  }
}
