// Creating and removing rooms: POST /api/2.0/files/rooms and DELETE /api/2.0/files/rooms/{id}
// (products/ASC.Files/Server/Api/VirtualRoomsController.cs L87, L420). Only DocSpace and room admins
// create rooms; the emulator's regular user is neither, so it gets the server's 403. The server removes a
// room in a background operation and answers that operation; the emulator removes it at once.
import { randomUUID } from 'node:crypto'
import type { Router } from '../router.js'
import { BodyFields } from '../binding.js'
import { badRequest, forbidden, ok } from '../http.js'
import { folderDto, shareFields } from '../dto.js'
import { RoomType } from '../enums.js'
import { requireRoom } from './lookup.js'

export function registerRoomRoutes(router: Router): void {
  router.route('POST', '/api/2.0/files/rooms', async (ctx) => {
    const fields = new BodyFields(await ctx.json())
    const title = fields.string('title')?.trim()
    const roomType = fields.int('roomType', { min: 1, max: 9 })
    fields.done()
    if (!ctx.user?.isAdmin) throw forbidden('Access denied')
    if (!title) throw badRequest('Title is empty')
    if (roomType === undefined || !(Object.values(RoomType) as number[]).includes(roomType)) {
      throw badRequest('Unknown room type')
    }
    const room = ctx.state.addRoom({ title, roomType })
    room.createdBy = ctx.user.id
    return ok({
      ...folderDto(room, ctx.state, ctx.portal),
      ...shareFields(ctx.state, room, ctx.user.id)
    })
  })

  router.route('DELETE', '/api/2.0/files/rooms/{id:int}', async (ctx) => {
    const room = requireRoom(ctx)
    const fields = new BodyFields(await ctx.json().catch(() => ({})))
    fields.bool('deleteAfter')
    fields.done()
    if (!ctx.user?.isAdmin && room.createdBy !== ctx.user?.id) throw forbidden('Access denied')
    ctx.state.deleteEntry(room.id)
    return ok({ id: randomUUID(), operation: 2, progress: 100, error: '', finished: true })
  })
}
